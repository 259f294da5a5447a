// The package version, sent in the User-Agent. A unit test checks it against package.json, so a
// release that bumps one and not the other fails the build.
export const SDK_VERSION = "0.1.0";
