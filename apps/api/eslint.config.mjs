import baseConfig from "../../eslint.config.mjs";

// Each tool is its own Nest module; a tool never reaches into another tool's folder. Shared needs go
// through a port (an interface and an injection token in core/ or llm/) or a domain event.
const TOOLS = ["content-optimizer", "hashtag-generator", "health-monitor", "trending-analyzer", "analytics-insights"];

const toolBoundaries = TOOLS.map((tool) => ({
    files: [`src/tools/${tool}/**/*.ts`],
    rules: {
        "no-restricted-imports": ["error", {
            patterns: [{
                group: TOOLS.filter((t) => t !== tool).flatMap((t) => [`**/tools/${t}`, `**/tools/${t}/**`, `../${t}`, `../${t}/**`]),
                message: "A tool never imports another tool: depend on a port (interface + injection token) or a domain event.",
            }],
        }],
    },
}));

// The spine knows no feature: core/ never imports auth, organizations, drafts, tools or the composition root.
const coreBoundaryPatterns = [{
    group: ["**/auth", "**/auth/**", "**/organizations", "**/organizations/**", "**/drafts", "**/drafts/**", "**/tools", "**/tools/**", "**/app.module", "**/app"],
    message: "core/ knows no feature: declare a port or a primitive in core/ and let the feature depend on it.",
}];

// Repositories are the only code that touches TypeORM or SQL; entities, module registration, migrations and
// core/database (the data source, Transactions and Tx) aside. Services take a Tx, never an EntityManager.
const dataLayerPaths = [
    { name: "typeorm", message: "Only repositories (*.repository.ts) touch TypeORM; services take a Tx from core/database/transactions." },
    { name: "@nestjs/typeorm", message: "Only repositories and modules use @nestjs/typeorm." },
];
const dataLayerExempt = ["src/**/*.repository.ts", "src/**/*.entity.ts", "src/**/*.module.ts", "src/**/*.spec.ts", "src/migrations/**", "src/core/database/**"];

// Both rules are @typescript-eslint/no-restricted-imports (the tool blocks own the base rule). In flat config a
// later block's options replace an earlier one's for the files both match, so core/ files the data-layer rule
// covers get one block with both restrictions, and the general data-layer block leaves core/ out.
const dataLayer = {
    files: ["src/**/*.ts"],
    ignores: [...dataLayerExempt, "src/core/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { paths: dataLayerPaths }] },
};
const coreBoundary = {
    files: ["src/core/**/*.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: coreBoundaryPatterns }] },
};
const coreBoundaryAndDataLayer = {
    files: ["src/core/**/*.ts"],
    ignores: dataLayerExempt,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: coreBoundaryPatterns, paths: dataLayerPaths }] },
};

export default [
    ...baseConfig,
    ...toolBoundaries,
    dataLayer,
    coreBoundary,
    coreBoundaryAndDataLayer,
    {
        // Only config/ reads the environment: everything else receives the validated AppConfig.
        files: ["src/**/*.ts"],
        ignores: ["src/config/**", "src/**/*.spec.ts"],
        rules: {
            "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through APP_CONFIG (apps/api/src/config)." }],
        },
    },
];
