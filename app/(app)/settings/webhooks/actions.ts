"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction, type ActionState } from "@/lib/action-state";
import { requireActor } from "@/lib/auth/session";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/services/webhooks/delete-webhook";
import { redeliverWebhook } from "@/lib/services/webhooks/redeliver-webhook";
import { rotateWebhookSecret } from "@/lib/services/webhooks/rotate-webhook-secret";
import { updateWebhook } from "@/lib/services/webhooks/update-webhook";
import type { CreateWebhookInput, RotateWebhookSecretInput } from "@/lib/validations/webhooks";

export async function createWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const input = formToObject(form);
    const created = await createWebhook(ctx, {
      ...input,
      events: form.getAll("events").map(String),
    } as CreateWebhookInput);
    revalidatePath("/settings/webhooks");
    return {
      status: "ok",
      message: `Added ${created.url}.`,
      data: { secret: created.secret, url: created.url, id: created.id },
    };
  });
}

export async function setWebhookEnabledAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const enabled = form.get("enabled") === "true";
    const updated = await updateWebhook(ctx, { webhook: String(form.get("webhook") ?? ""), enabled });
    revalidatePath("/settings/webhooks");
    revalidatePath(`/settings/webhooks/${updated.id}`);
    return { status: "ok", message: enabled ? "Turned on." : "Turned off." };
  });
}

export async function rotateWebhookSecretAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const rotated = await rotateWebhookSecret(ctx, formToObject(form) as RotateWebhookSecretInput);
    revalidatePath(`/settings/webhooks/${rotated.id}`);
    return { status: "ok", message: "New secret issued.", data: { secret: rotated.secret } };
  });
}

export async function deleteWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const deleted = await deleteWebhook(ctx, { webhook: String(form.get("webhook") ?? "") });
    revalidatePath("/settings/webhooks");
    return { status: "ok", message: `Deleted ${deleted.url}.` };
  });
}

export async function redeliverWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    const sent = await redeliverWebhook(ctx, { delivery: String(form.get("delivery") ?? "") });
    revalidatePath(`/settings/webhooks/${sent.webhook}`);
    return { status: "ok", message: "Queued to send again: reload to see the new attempt." };
  });
}
