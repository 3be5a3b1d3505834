"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { createCategoryAction, deleteCategoryAction, updateCategoryAction } from "./actions";

type Category = {
  id: string;
  name: string;
  slug: string;
  position: number;
  article_count: number;
  published_count: number;
};

/** The categories with their counts; admins add, rename, reorder and delete them here. */
export function CategoriesPanel({ categories, canEdit }: { categories: Category[]; canEdit: boolean }) {
  return (
    <aside className="space-y-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" aria-label="Categories">
      <h2 className="text-sm font-semibold">Categories</h2>
      <ul className="space-y-2 text-sm" data-testid="category-list">
        {categories.map((c) =>
          canEdit ? (
            <CategoryRow key={c.id} category={c} />
          ) : (
            <li key={c.id} className="flex justify-between gap-2">
              <a href={`/knowledge?category=${c.slug}`} className="hover:text-indigo-700">
                {c.name}
              </a>
              <span className="text-slate-500">{c.article_count}</span>
            </li>
          ),
        )}
        {categories.length === 0 ? <li className="text-slate-500">No categories yet.</li> : null}
      </ul>
      {canEdit ? <NewCategory /> : null}
    </aside>
  );
}

function CategoryRow({ category }: { category: Category }) {
  const [state, action, pending] = useActionState(updateCategoryAction, IDLE);
  const [deleted, remove, removing] = useActionState(deleteCategoryAction, IDLE);
  return (
    <li className="space-y-1 border-b border-slate-100 pb-2 last:border-0" data-testid="category-row">
      <div className="flex justify-between gap-2">
        <a href={`/knowledge?category=${category.slug}`} className="font-medium hover:text-indigo-700">
          {category.name}
        </a>
        <span className="text-xs text-slate-500">
          {category.published_count}/{category.article_count} published
        </span>
      </div>
      <details>
        <summary className="cursor-pointer text-xs text-slate-500">Edit</summary>
        <form action={action} className="mt-1 grid grid-cols-[1fr_4rem] gap-1">
          <input type="hidden" name="category_id" value={category.id} />
          <input name="name" defaultValue={category.name} aria-label="Name" className={INPUT_CLASS} />
          <input
            name="position"
            defaultValue={category.position}
            aria-label="Position"
            inputMode="numeric"
            className={INPUT_CLASS}
          />
          <input name="slug" defaultValue={category.slug} aria-label="Slug" className={`${INPUT_CLASS} col-span-2`} />
          <div className="col-span-2 flex flex-wrap items-center gap-2">
            <Button type="submit" variant="secondary" disabled={pending}>
              Save
            </Button>
            <Button type="submit" variant="ghost" formAction={remove} disabled={removing}>
              Delete
            </Button>
          </div>
          <div className="col-span-2">
            <FormMessage state={state} />
            <FormMessage state={deleted} />
          </div>
        </form>
      </details>
    </li>
  );
}

function NewCategory() {
  const [state, action, pending] = useActionState(createCategoryAction, IDLE);
  return (
    <form action={action} className="space-y-1">
      <label htmlFor="new-category" className="block text-xs font-medium text-slate-600">
        New category
      </label>
      <div className="flex gap-1">
        <input id="new-category" name="name" placeholder="Billing" className={INPUT_CLASS} />
        <Button type="submit" variant="secondary" disabled={pending}>
          Add
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
