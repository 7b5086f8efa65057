/**
 * The CLI's environment defaults. Imported first by bin/aftercall.ts: the step handlers build
 * their Powertools logger when their module loads, and the logger reads its level then, so a
 * default set in the entry point's body would come too late.
 */

// Step failures reach the user through the meeting's status; Lambda-style JSON logs would bury the output.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
// Local mode runs on Node 20 too (README); the SDK's notice about its Node 22 plans is not the user's concern here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
