/** What a command may touch: output streams, colour, the version. Injected so commands run in tests too. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  version: string;
}
