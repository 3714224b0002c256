import nx from "@nx/eslint-plugin";

// Who may import whom. Every project has one scope:* and one type:* tag. Test-only projects
// (type:testing: the web testing library, the fake OpenAI server, the platform simulator) may be
// imported by specs and test support code only: no type lists them except in the override below.
function depConstraints(inTests) {
    const testing = inTests ? ["type:testing"] : [];
    return [
        {
            sourceTag: "scope:web",
            onlyDependOnLibsWithTags: ["scope:web", "scope:shared"],
            bannedExternalImports: ["@nestjs/*", "typeorm", "typeorm/*"]
        },
        {
            sourceTag: "scope:api",
            onlyDependOnLibsWithTags: ["scope:api", "scope:shared"],
            bannedExternalImports: ["@angular/*"]
        },
        { sourceTag: "scope:shared", onlyDependOnLibsWithTags: ["scope:shared"] },
        { sourceTag: "type:app", onlyDependOnLibsWithTags: ["type:feature", "type:ui", "type:data-access", "type:util", ...testing] },
        { sourceTag: "type:feature", onlyDependOnLibsWithTags: ["type:ui", "type:data-access", "type:util", ...testing] },
        { sourceTag: "type:ui", onlyDependOnLibsWithTags: ["type:ui", "type:util", ...testing] },
        { sourceTag: "type:data-access", onlyDependOnLibsWithTags: ["type:data-access", "type:util", ...testing] },
        { sourceTag: "type:util", onlyDependOnLibsWithTags: ["type:util", ...testing] },
        { sourceTag: "type:testing", onlyDependOnLibsWithTags: ["type:testing", "type:util"] }
    ];
}

const boundaries = (inTests) => ["error", {
    enforceBuildableLibDependency: true,
    allow: ["^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$"],
    depConstraints: depConstraints(inTests)
}];

export default [
    ...nx.configs["flat/base"],
    ...nx.configs["flat/typescript"],
    ...nx.configs["flat/javascript"],
    {
        ignores: [
            "**/dist",
            "**/out-tsc"
        ]
    },
    {
        // Generated client: every file starts with a blanket eslint-disable we do not control.
        files: ["libs/api-client/src/lib/generated/**/*.ts"],
        linterOptions: { reportUnusedDisableDirectives: "off" }
    },
    {
        files: [
            "**/*.ts",
            "**/*.tsx",
            "**/*.js",
            "**/*.jsx"
        ],
        rules: {
            "@nx/enforce-module-boundaries": boundaries(false)
        }
    },
    {
        // Specs, test setup and integration-test support may use the test-only projects.
        files: ["**/*.spec.ts", "**/*.int-spec.ts", "**/test-setup.ts", "**/test/**/*.ts", "**/testing.ts"],
        rules: { "@nx/enforce-module-boundaries": boundaries(true) }
    },
    {
        files: [
            "**/*.ts",
            "**/*.tsx",
            "**/*.cts",
            "**/*.mts",
            "**/*.js",
            "**/*.jsx",
            "**/*.cjs",
            "**/*.mjs"
        ],
        // Override or add rules here
        rules: {}
    }
];
