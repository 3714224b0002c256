import nx from "@nx/eslint-plugin";
import baseConfig from "./eslint.config.mjs";

/** Lint rules for every Angular project (the portal and its libs): one selector prefix, Angular template checks. */
export default [
    ...nx.configs["flat/angular"],
    ...nx.configs["flat/angular-template"],
    ...baseConfig,
    {
        files: ["**/*.ts"],
        rules: {
            "@angular-eslint/directive-selector": ["error", { type: "attribute", prefix: "pp", style: "camelCase" }],
            "@angular-eslint/component-selector": ["error", { type: "element", prefix: "pp", style: "kebab-case" }],
        },
    },
];
