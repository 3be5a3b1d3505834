// The demo workspace's sign-ins, printed by `npm run dev` and used by the browser tests.
export const DEMO_PASSWORD = "deskbridge-demo";
export const DEMO_WORKSPACE = { slug: "acme", name: "Acme Support" };
export const SECOND_WORKSPACE = { slug: "globex", name: "Globex Help Center" };
export const DEMO_USERS = {
  owner: { email: "olivia@acme.test", name: "Olivia Owens" },
  admin: { email: "adam@acme.test", name: "Adam Alvarez" },
  agent: { email: "ava@acme.test", name: "Ava Agarwal" },
};
