"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { createArticle } from "@/lib/services/knowledge/create-article";
import { createCategory } from "@/lib/services/knowledge/create-category";
import { deleteArticle } from "@/lib/services/knowledge/delete-article";
import { deleteCategory } from "@/lib/services/knowledge/delete-category";
import { publishArticle } from "@/lib/services/knowledge/publish-article";
import { updateArticle } from "@/lib/services/knowledge/update-article";
import { updateCategory } from "@/lib/services/knowledge/update-category";
import type { CreateCategoryInput, UpdateCategoryInput } from "@/lib/validations/knowledge";

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/** The editor: a new article (then its page) or changes to one; "publish" also publishes it. */
export async function saveArticleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let created: string | null = null;
  const state = await runAction(async () => {
    const { ctx } = await requireActor();
    const input = formToObject(form);
    const publish = input.intent === "publish";
    const fields = { title: text(input.title) ?? "", body: text(input.body) ?? "", slug: text(input.slug) };
    const article = text(input.article);
    if (!article) {
      const row = await createArticle(ctx, { ...fields, category: text(input.category), publish });
      created = row.id;
    } else {
      await updateArticle(ctx, { article, ...fields, category: text(input.category) || "none" });
      if (publish) await publishArticle(ctx, { article, published: true });
      revalidatePath(`/knowledge/${article}`);
    }
    revalidatePath("/knowledge");
    return { status: "ok", message: publish ? "Published." : "Saved." };
  });
  if (created) redirect(`/knowledge/${created}?saved=1`);
  return state;
}

export async function setPublishedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor();
    const article = text(form.get("article")) ?? "";
    const published = form.get("published") === "true";
    await publishArticle(ctx, { article, published });
    revalidatePath(`/knowledge/${article}`);
    revalidatePath("/knowledge");
    return { status: "ok", message: published ? "Published." : "Moved back to draft." };
  });
}

export async function deleteArticleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(async () => {
    const { ctx } = await requireActor("admin");
    await deleteArticle(ctx, { article: text(form.get("article")) ?? "" });
    revalidatePath("/knowledge");
  });
  if (state.status === "ok") redirect("/knowledge?deleted=1");
  return state;
}

export async function createCategoryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    await createCategory(ctx, formToObject(form) as CreateCategoryInput);
    revalidatePath("/knowledge");
    return { status: "ok", message: "Category added." };
  });
}

export async function updateCategoryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    await updateCategory(ctx, formToObject(form) as UpdateCategoryInput);
    revalidatePath("/knowledge");
    return { status: "ok", message: "Category saved." };
  });
}

export async function deleteCategoryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    await deleteCategory(ctx, { category_id: text(form.get("category_id")) ?? "" });
    revalidatePath("/knowledge");
    return { status: "ok", message: "Category deleted; its articles are kept." };
  });
}
