/** The only source of chance in the domain: numbers in [0, 1). Tests pass a seeded one. */
export interface RandomSource {
  next(): number;
}
