import nx from "@nx/eslint-plugin";

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
            "@nx/enforce-module-boundaries": [
                "error",
                {
                    enforceBuildableLibDependency: true,
                    allow: [
                        "^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$"
                    ],
                    // Who may import whom. Every project has one scope:* and one type:* tag.
                    depConstraints: [
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
                        {
                            sourceTag: "scope:shared",
                            onlyDependOnLibsWithTags: ["scope:shared"]
                        },
                        {
                            sourceTag: "type:app",
                            onlyDependOnLibsWithTags: ["type:feature", "type:ui", "type:data-access", "type:util"]
                        },
                        {
                            sourceTag: "type:feature",
                            onlyDependOnLibsWithTags: ["type:ui", "type:data-access", "type:util"]
                        },
                        {
                            sourceTag: "type:ui",
                            onlyDependOnLibsWithTags: ["type:ui", "type:util"]
                        },
                        {
                            sourceTag: "type:data-access",
                            onlyDependOnLibsWithTags: ["type:data-access", "type:util"]
                        },
                        {
                            sourceTag: "type:util",
                            onlyDependOnLibsWithTags: ["type:util"]
                        }
                    ]
                }
            ]
        }
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
