import { describeNotebook } from "./course2-check.js";

// Every training run of the Initialization notebook against fixtures/course2-runs.json (see course2-check.ts).
describeNotebook("initialization");
