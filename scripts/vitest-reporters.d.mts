export declare function reportName(packageName: string): string;
export declare function reportFile(reportDir: string, packageName: string): string;
export declare function reporters(packageName: string): Array<'default' | ['json', { outputFile: string }]>;
