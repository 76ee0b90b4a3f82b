<?php
// Same two hooks as ../iom-widgets-loader.php, in a child theme instead of a mu-plugin.
add_action('wp_enqueue_scripts', function () {
    // null version: no ?ver= query string; true: print it before </body>
    wp_enqueue_script('iom-widgets', '/iom-widgets/iom-widgets.bundle.js', [], null, true);
});
// WordPress 6.1 has no option for type="module" on an enqueued script: rewrite its tag.
add_filter('script_loader_tag', function ($tag, $handle) {
    if ($handle !== 'iom-widgets') {
        return $tag;
    }
    $tag = preg_replace('/\stype=([\'"])text\/javascript\1/', '', $tag);
    return str_replace('<script ', '<script type="module" ', $tag);
}, 10, 2);
