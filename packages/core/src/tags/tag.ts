// A user's tags: labels shared by any number of their habits (many-to-many). A habit's `tags` are
// the names of its tags; core.tags manages the tags themselves by id.

export const tagLimits = {
  name: 50,
} as const;

/** What a user sets on a tag. */
export interface TagFields {
  /** Trimmed, unique per user whatever its case (the name key). */
  name: string;
  /** `#RRGGBB`, or none. */
  color: string | null;
}

export interface Tag extends TagFields {
  id: string;
  /** How many of the user's habits carry it, archived ones included. */
  habitCount: number;
  createdAt: Date;
  updatedAt: Date;
}
