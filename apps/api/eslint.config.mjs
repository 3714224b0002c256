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

// The spine knows no feature: core/ never imports auth, organizations, drafts, tools or the composition
// root. The typescript-eslint rule is used so this block does not override the tool blocks' no-restricted-imports.
const coreBoundary = {
    files: ["src/core/**/*.ts"],
    rules: {
        "@typescript-eslint/no-restricted-imports": ["error", {
            patterns: [{
                group: ["**/auth", "**/auth/**", "**/organizations", "**/organizations/**", "**/drafts", "**/drafts/**", "**/tools", "**/tools/**", "**/app.module", "**/app"],
                message: "core/ knows no feature: declare a port or a primitive in core/ and let the feature depend on it.",
            }],
        }],
    },
};

// Repositories are the only tool code that touches TypeORM or SQL (entities and module registration aside).
// Spine folders (auth, organizations, drafts, llm, core/cache, core/jobs) are not yet under this rule.
const toolDataLayer = {
    files: ["src/tools/**/*.ts"],
    ignores: ["src/tools/**/*.repository.ts", "src/tools/**/*.entity.ts", "src/tools/**/*.module.ts", "src/tools/**/*.spec.ts"],
    rules: {
        "@typescript-eslint/no-restricted-imports": ["error", {
            paths: [
                { name: "typeorm", message: "Only repositories (*.repository.ts) touch TypeORM; services take a Tx from core/database/transactions." },
                { name: "@nestjs/typeorm", message: "Only repositories and modules use @nestjs/typeorm." },
            ],
        }],
    },
};

export default [
    ...baseConfig,
    ...toolBoundaries,
    coreBoundary,
    toolDataLayer,
    {
        // Only config/ reads the environment: everything else receives the validated AppConfig.
        files: ["src/**/*.ts"],
        ignores: ["src/config/**", "src/**/*.spec.ts"],
        rules: {
            "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through APP_CONFIG (apps/api/src/config)." }],
        },
    },
];
