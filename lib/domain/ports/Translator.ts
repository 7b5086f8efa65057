/** Translates utterance texts; ids come back unchanged so each line maps to its source line and time. */
export interface Translator {
  readonly name: string;
  translate(request: { language: string; segments: readonly { id: string; text: string }[] }): Promise<{ id: string; text: string }[]>;
}
