/**
 * Operators and sending services: the public entry points. The table is operators-data.ts;
 * matching is operator-match.ts; the message's sending service is sender-operator.ts.
 */
export { operatorForHop, operatorForHost, type OperatorInfo } from "./operator-match";
export { senderOperator, type HopEvidence } from "./sender-operator";
