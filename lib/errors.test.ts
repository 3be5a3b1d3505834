import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, errorResponse, parseInput, toAppError } from "@/lib/errors";

describe("errors", () => {
  it("parseInput names every bad field and why", () => {
    const schema = z.object({
      name: z.string().min(1, "name is required"),
      age: z.number({ error: "age must be a number" }),
    });
    try {
      parseInput(schema, { name: "", age: "x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const e = error as AppError;
      expect(e.code).toBe("validation_error");
      expect(e.status).toBe(422);
      expect(e.fields).toEqual({ name: ["name is required"], age: ["age must be a number"] });
      expect(e.message).toContain("name: name is required");
    }
  });

  it("turns an unknown error into a generic 500 without its message or stack", async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const response = errorResponse(new Error('relation "secret_table" does not exist at /srv/app/x.ts:12'));
      expect(response.status).toBe(500);
      const body = JSON.stringify(await response.json());
      expect(body).not.toContain("secret_table");
      expect(body).not.toContain("x.ts");
    } finally {
      console.error = original;
    }
  });

  it("maps a refused database connection to 503", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(toAppError(error).status).toBe(503);
  });
});

describe("database outages", () => {
  it.each([
    "Server has closed the connection.",
    "Connection terminated unexpectedly",
    "connect ECONNREFUSED 127.0.0.1:5432",
  ])("%s is 503, not 500", (message) => {
    const error = Object.assign(
      new Error(
        `Invalid \`prisma.$queryRaw()\` invocation:\n\nRaw query failed. Code: \`N/A\`. Message: \`${message}\``,
      ),
      { code: "P2010" },
    );
    expect(toAppError(error).status).toBe(503);
  });
});
