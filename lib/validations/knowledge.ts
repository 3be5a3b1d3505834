import { z } from "zod";
import { ArticleStatus } from "@/lib/generated/prisma/enums";
import {
  blankToUndefined,
  CursorSchema,
  enumValues,
  fromDigits,
  IdSchema,
  LimitSchema,
} from "@/lib/validations/common";

export const ARTICLE_STATUSES = enumValues(ArticleStatus);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;

/** A URL slug from a title: lower-case letters and digits joined by single hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
}

const SlugSchema = (field: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .max(SLUG_MAX, `${field} is at most ${SLUG_MAX} characters`)
    .regex(SLUG, `${field} may hold only lower-case letters, digits and single hyphens (like reset-your-password)`);

const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());

const CategoryNameSchema = z.string().trim().min(1, "name is required").max(80, "name is at most 80 characters");
const PositionSchema = fromDigits(
  z
    .number({ error: "position must be a number" })
    .int("position must be a whole number")
    .min(0, "position must be 0 or more")
    .max(10_000, "position is at most 10000"),
);

export const CreateCategorySchema = z.object({
  name: CategoryNameSchema,
  slug: optional(SlugSchema("slug")),
  position: optional(PositionSchema),
});
export type CreateCategoryInput = z.input<typeof CreateCategorySchema>;

export const UpdateCategorySchema = z.object({
  category_id: IdSchema,
  name: optional(CategoryNameSchema),
  slug: optional(SlugSchema("slug")),
  position: optional(PositionSchema),
});
export type UpdateCategoryInput = z.input<typeof UpdateCategorySchema>;

export const CategoryRefSchema = z.object({ category_id: IdSchema });
export type CategoryRefInput = z.input<typeof CategoryRefSchema>;

const TitleSchema = z.string().trim().min(1, "title is required").max(200, "title is at most 200 characters");
const BodySchema = z.string().max(100_000, "body is at most 100000 characters");

export const CreateArticleSchema = z.object({
  title: TitleSchema,
  body: BodySchema.default(""),
  /** A category id or slug; leave out for an article outside every category. */
  category: optional(z.string().trim().max(80, "category is at most 80 characters")),
  slug: optional(SlugSchema("slug")),
  publish: z.boolean({ error: "publish must be true or false" }).default(false),
});
export type CreateArticleInput = z.input<typeof CreateArticleSchema>;

export const UpdateArticleSchema = z.object({
  article: z.string().trim().min(1, "article is required").max(80, "article is at most 80 characters"),
  title: optional(TitleSchema),
  body: BodySchema.optional(),
  /** A category id or slug; "none" takes the article out of its category. */
  category: optional(z.string().trim().max(80, "category is at most 80 characters")),
  slug: optional(SlugSchema("slug")),
});
export type UpdateArticleInput = z.input<typeof UpdateArticleSchema>;

/** An article by id or slug. */
export const ArticleRefSchema = z.object({
  article: z.string().trim().min(1, "article is required").max(80, "article is at most 80 characters"),
});
export type ArticleRefInput = z.input<typeof ArticleRefSchema>;

export const PublishArticleSchema = ArticleRefSchema.extend({
  published: z.boolean({ error: "published must be true or false" }).default(true),
});
export type PublishArticleInput = z.input<typeof PublishArticleSchema>;

export const SearchArticlesSchema = z.object({
  q: optional(z.string().trim().max(200, "search text is at most 200 characters")),
  /** A category id or slug. */
  category: optional(z.string().trim().max(80, "category is at most 80 characters")),
  status: optional(z.enum(ARTICLE_STATUSES, { error: "status must be draft or published" })),
  limit: LimitSchema,
  cursor: CursorSchema,
});
export type SearchArticlesInput = z.input<typeof SearchArticlesSchema>;

/** What the search engine receives: the category already resolved to an id within the workspace. */
export type ArticleSearchFilters = {
  q?: string;
  categoryId?: string;
  status?: (typeof ARTICLE_STATUSES)[number];
  limit: number;
  cursor?: string;
};
