/**
 * About four characters a token for English (OpenAI's rule of thumb). Used only to size chunks
 * and batches, with margin; what a call really cost is read from the response's `usage`.
 * No tokenizer is installed, and the model behind an OpenAI-compatible URL may not use one we know.
 */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);
