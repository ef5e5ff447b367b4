/**
 * The host's file dialog for declaration imports: Electron's main process shows it and
 * returns the paths the officer chose (none when cancelled). The web host has none; a
 * browser sends files as uploads instead. Paths only ever come from here (or the CLI and
 * the inbox), never from the renderer.
 */
export type PickFiles = (request: { title: string; extensions: readonly string[] }) => Promise<string[]>;

/** What the dialog offers: the extensions declaration files come with. */
export const DECLARATION_FILE_EXTENSIONS = ['edi', 'edifact', 'cusdec', 'txt', 'xml', 'json'] as const;
