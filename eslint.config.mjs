import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Dependencies run one way: app → server → emails → db → lib (see README, "Where is what").
const layer = (name, ...below) => ({
  group: [`@/${name}`, `@/${name}/*`],
  message: `A module ${below.join(" or ")} must not import from ${name}/: dependencies run app → server → emails → db → lib.`,
});
const upward = { group: ["../*"], message: "Import through @/… so that the layer a module comes from is visible." };

/** A client component ships to the browser: nothing that reads data or secrets may come with it. */
const noServerInClient = {
  meta: { type: "problem", schema: [] },
  create(context) {
    let client = false;
    return {
      Program(program) {
        client = program.body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
      },
      ImportDeclaration(node) {
        const source = String(node.source.value);
        const serverSide = /^@\/(server|db|emails|auth)(\/|$)/.test(source) || source === "server-only";
        if (client && serverSide && node.importKind !== "type") {
          context.report({ node, message: `A client component must not import server code (${source}).` });
        }
      },
    };
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  // Leaving fields out of an object by destructuring them away is how we drop what must not travel on.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] } },
  {
    plugins: { delegation: { rules: { "no-server-in-client": noServerInClient } } },
    rules: { "delegation/no-server-in-client": "error" },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer("app", "in lib/"),
            layer("server", "in lib/"),
            layer("emails", "in lib/"),
            layer("db", "in lib/"),
            layer("auth", "in lib/"),
            upward,
          ],
        },
      ],
    },
  },
  {
    files: ["db/**"],
    ignores: ["db/schema/**", "db/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer("app", "in db/"),
            layer("server", "in db/"),
            layer("emails", "in db/"),
            layer("auth", "in db/"),
            upward,
          ],
        },
      ],
    },
  },
  {
    files: ["emails/**"],
    ignores: ["emails/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [layer("app", "in emails/"), layer("server", "in emails/"), layer("auth", "in emails/"), upward] },
      ],
    },
  },
  {
    files: ["server/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [layer("app", "in server/"), upward] }] },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      ".e2e-data/**",
    ],
  },
];

export default config;
