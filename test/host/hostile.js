// With ?hostile in the address: Bootstrap 5 and a hostile theme sheet, as a CMS theme might ship.
if (new URLSearchParams(location.search).has('hostile')) {
  for (const href of ['/node_modules/bootstrap/dist/css/bootstrap.min.css', '/test/host/hostile.css']) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
}

// With ?dark: a dark page (the widgets follow its color-scheme).
if (new URLSearchParams(location.search).has('dark')) {
  document.documentElement.style.colorScheme = 'dark';
  document.documentElement.style.background = '#0b1020';
  document.documentElement.style.color = '#eef1f5';
}

// With ?ar: the page in Arabic, right to left.
if (new URLSearchParams(location.search).has('ar')) Object.assign(document.documentElement, { lang: 'ar', dir: 'rtl' });
