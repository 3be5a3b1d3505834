import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { findSlaPolicyOrThrow, slaPolicyJson } from "@/lib/services/sla/shared";
import { SlaPolicyRefSchema, type SlaPolicyRefInput } from "@/lib/validations/sla";

export async function getSlaPolicy(ctx: ActorContext, input: SlaPolicyRefInput) {
  const { sla_policy } = parseInput(SlaPolicyRefSchema, input);
  return slaPolicyJson(await findSlaPolicyOrThrow(prisma, ctx, sla_policy));
}
