// The stopword package ships no type declarations; this names the one list we use.
declare module 'stopword' {
  export const eng: readonly string[];
}
