<?php
/**
 * Plugin Name: IOM widgets tags for all roles
 * Description: Lets users without unfiltered_html (Authors, Contributors) keep the four widget
 * tags, their attributes, and slot="fallback" on p/div/ul/ol/span. No <script> is allowed:
 * combine it with the site-wide loader. Tested on WordPress 6.1.9 (Debian 12).
 */
add_filter('wp_kses_allowed_html', function ($tags, $context) {
    if ($context !== 'post') {
        return $tags;
    }
    // No 'data' attribute: kses treats data= as a URL attribute and cuts JSON at each "…:"
    // (seen on 6.1.9: data='{"value": 600000, "label": "x"}' was saved as data='"x"}').
    $common = ['src' => true, 'locale' => true, 'timeout' => true];
    $widgets = [
        'stat-counter' => ['value', 'label', 'description', 'prefix', 'suffix', 'format', 'currency',
            'maximum-fraction-digits', 'previous', 'previous-label', 'source', 'duration', 'start'],
        'emergency-list' => ['layout', 'searchable', 'filters', 'sort', 'sortable', 'limit', 'heading-level'],
        'donor-ranking' => ['view', 'switchable', 'limit', 'group-by-type', 'highlight'],
        'objective-card' => ['heading-level', 'columns', 'variant', 'accent', 'subgrid'],
    ];
    foreach ($widgets as $tag => $attrs) {
        $tags[$tag] = $common + array_fill_keys($attrs, true);
    }
    foreach (['p', 'div', 'ul', 'ol', 'span'] as $tag) {
        $tags[$tag]['slot'] = true;
    }
    return $tags;
}, 10, 2);
