// The files of data/ (relative to it: `annual-report-2023.json`, `hxl/top-donors-2023.hxl.csv`),
// listed by the `iom-data-files` plugin of vite.config.ts when the page is served or built.
declare module 'virtual:iom-data-files' {
  const files: string[];
  export default files;
}
