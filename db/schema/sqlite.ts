export * from "./audit";
export * from "./auth";
export * from "./campaign";
export * from "./delegation";
export * from "./messaging";
export * from "./form-stamps";
export * from "./organisers";
export * from "./partners";
