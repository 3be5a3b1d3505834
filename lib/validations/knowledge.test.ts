import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ArticleMarkdown } from "@/components/knowledge/markdown";
import { CreateArticleSchema, SearchArticlesSchema, slugify } from "@/lib/validations/knowledge";

describe("slugify", () => {
  it("makes lower-case words joined by single hyphens, accents folded", () => {
    expect(slugify("  Réinitialiser   votre mot de passe! ")).toBe("reinitialiser-votre-mot-de-passe");
    expect(slugify("CSV export — times out (v2)")).toBe("csv-export-times-out-v2");
    expect(slugify("!!!")).toBe("");
    expect(slugify("a".repeat(100)).length).toBeLessThanOrEqual(80);
  });
});

describe("article inputs", () => {
  it("names the field of each bad value", () => {
    const result = CreateArticleSchema.safeParse({ title: "", slug: "Bad Slug", publish: "yes" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["title", "slug", "publish"]);
    expect(SearchArticlesSchema.safeParse({ status: "archived" }).error!.issues[0]!.path).toEqual(["status"]);
  });

  it("treats blank form fields as absent", () => {
    expect(CreateArticleSchema.parse({ title: "Hi", slug: "", category: " " })).toEqual({
      title: "Hi",
      body: "",
      publish: false,
    });
  });
});

describe("article Markdown, as the help center and the editor's preview render it", () => {
  const render = (source: string) => renderToStaticMarkup(createElement(ArticleMarkdown, { source }));

  it("renders Markdown formatting and safe links", () => {
    const html = render("**Bold** and [docs](https://example.com/docs) and [mail](mailto:help@example.com)");
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain('href="https://example.com/docs"');
    expect(html).toContain('href="mailto:help@example.com"');
  });

  it("drops raw HTML and never renders a javascript: or data: address", () => {
    const html = render(
      [
        '<script>alert("x")</script>',
        '<a href="javascript:alert(1)">raw link</a>',
        "[md link](javascript:alert(2))",
        "[Data](data:text/html;base64,PHNjcmlwdD4=)",
        "![img](javascript:alert(3))",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|javascript:|data:text|alert\(/i);
    expect(html).toContain("md link");
    expect(html).not.toContain("<a ");
  });
});
