/** Unit tests run the engine strictly: a reader that throws fails the test instead of becoming a finding. */
import { rethrowInternalErrors } from "@/lib/analysis/guard";

rethrowInternalErrors(true);
