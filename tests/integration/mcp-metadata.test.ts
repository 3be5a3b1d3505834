// Tool, prompt and resource metadata as both SDK majors read it: titles and icons (one per toolset,
// served by the app as SVG), and openWorld on the tools that send email or webhooks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace } from "../support/fixtures";
import { ALL_TOOLSETS, baseUrl, connectSdkMajor } from "../support/mcp-client";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";

type Icon = { src: string; mimeType?: string };
type Listed = { name: string; title?: string; icons?: Icon[]; annotations?: { openWorldHint?: boolean } };
type AnyClient = {
  listTools: () => Promise<{ tools: Listed[] }>;
  listPrompts: () => Promise<{ prompts: Listed[] }>;
  listResourceTemplates: () => Promise<{ resourceTemplates: Listed[] }>;
  getServerVersion: () => { icons?: Icon[] } | undefined;
  close: () => Promise<void>;
};

let token = "";
const open: AnyClient[] = [];

beforeAll(async () => {
  const ws = await createTestWorkspace("metadata");
  token = (await createPersonalToken(ws.owner, { name: "Metadata client" })).secret;
});

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
});

for (const major of [1, 2] as const) {
  describe(`SDK ${major}.x`, () => {
    it("every tool, prompt and resource template has a title and an icon the app serves", async () => {
      const client = await connectSdkMajor<AnyClient>(major, token, { suffix: ALL_TOOLSETS, name: "metadata" });
      open.push(client);
      const { tools } = await client.listTools();
      const { prompts } = await client.listPrompts();
      const { resourceTemplates } = await client.listResourceTemplates();
      const all = [...tools, ...prompts, ...resourceTemplates];
      expect(tools.length).toBeGreaterThan(50);
      expect(prompts.length).toBeGreaterThan(0);
      expect(resourceTemplates.length).toBeGreaterThan(0);
      for (const item of all) {
        expect(item.title, item.name).toBeTruthy();
        expect(item.icons?.[0]?.src, item.name).toMatch(new RegExp(`^${baseUrl()}/icons/[a-z-]+\\.svg$`));
      }
      const find = (name: string) => tools.find((t) => t.name === name)!;
      expect(find("search_tickets").icons).toEqual(find("assign_ticket").icons);
      expect(find("search_tickets").icons).not.toEqual(find("search_knowledge").icons);
      expect(find("reply_to_ticket").annotations?.openWorldHint).toBe(true);
      expect(find("redeliver_webhook").annotations?.openWorldHint).toBe(true);
      expect(find("add_internal_note").annotations?.openWorldHint).toBe(false);

      const srcs = [...new Set(all.map((item) => item.icons![0]!.src))];
      for (const src of srcs) {
        const response = await fetch(src);
        expect(response.status, src).toBe(200);
        expect(response.headers.get("content-type")).toBe("image/svg+xml");
        expect(await response.text()).toMatch(/^<svg [^>]*viewBox="0 0 24 24"/);
      }
    });
  });
}

it("an unknown icon is a 404", async () => {
  expect((await fetch(`${baseUrl()}/icons/nothing.svg`)).status).toBe(404);
  expect((await fetch(`${baseUrl()}/icons/tickets.png`)).status).toBe(404);
});
