/** A random generator in [0, 1) that gives the same sequence for the same seed. */
export function seeded(seed: number): () => number;
