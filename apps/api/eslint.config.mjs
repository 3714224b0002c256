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

export default [
    ...baseConfig,
    ...toolBoundaries,
    {
        // Only config/ reads the environment: everything else receives the validated AppConfig.
        files: ["src/**/*.ts"],
        ignores: ["src/config/**", "src/**/*.spec.ts"],
        rules: {
            "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through APP_CONFIG (apps/api/src/config)." }],
        },
    },
];
