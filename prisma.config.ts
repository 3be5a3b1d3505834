import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `prisma generate`; migrations run through
// scripts/db.ts (the schema engine as WebAssembly over a driver adapter), which
// works the same on the embedded database and on a PostgreSQL server.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
