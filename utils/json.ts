/** A plain JSON object (not null, not an array): what every reader of stored or received data checks first. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
