<?php
/**
 * Plugin Name: Classic editor switch (test only)
 * Description: WordPress 6.1 core still ships the classic editor; this one filter shows it
 * instead of the block editor. No plugin download.
 */
add_filter('use_block_editor_for_post', '__return_false');
