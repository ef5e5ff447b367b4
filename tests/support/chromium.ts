/** How every test and bench launches Debian's Chromium (Playwright's own browsers are not downloadable here). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function chromiumArgs(): string[] {
  const args = [
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
  ];
  // Chromium refuses to run as root without it; CI and this workstation run as root.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}
