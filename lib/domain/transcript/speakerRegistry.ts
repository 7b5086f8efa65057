import type { Speaker } from './schema.js';

/** Speaker ids (spk_0, spk_1, …) handed out by name, in order of first appearance. */
export function speakerRegistry(): { idFor(name: string): string; speakers: Speaker[] } {
  const speakers: Speaker[] = [];
  const idByName = new Map<string, string>();
  return {
    speakers,
    idFor: (name) => {
      let id = idByName.get(name);
      if (id === undefined) {
        id = `spk_${speakers.length}`;
        idByName.set(name, id);
        speakers.push({ id, name });
      }
      return id;
    },
  };
}
