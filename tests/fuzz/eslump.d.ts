declare module "eslump" {
  export function generateRandomJS(options: {
    sourceType: "script" | "module";
    maxDepth: number;
    comments: boolean;
    whitespace: boolean;
  }): string;
}
