/**
 * VBScript's compilation errors: the message cscript prints and its number (the `800A` facility code
 * and the error's decimal number in hex), from the VBScript reference's "VBScript Syntax Errors" list.
 * Messages are kept word for word, so that a user can search for them.
 */

export interface ErrorMessage {
  readonly message: string;
  /** `800A03F6`, as cscript shows it; null for messages of our own. */
  readonly code: string | null;
}

function vbscript(number: number, message: string): ErrorMessage {
  return { message, code: `800A${number.toString(16).toUpperCase().padStart(4, "0")}` };
}

export const MESSAGES = {
  syntaxError: vbscript(1002, "Syntax error"),
  expectedOpenParen: vbscript(1005, "Expected '('"),
  expectedCloseParen: vbscript(1006, "Expected ')'"),
  expectedIdentifier: vbscript(1010, "Expected identifier"),
  expectedEquals: vbscript(1011, "Expected '='"),
  expectedIf: vbscript(1012, "Expected 'If'"),
  expectedTo: vbscript(1013, "Expected 'To'"),
  expectedEnd: vbscript(1014, "Expected 'End'"),
  expectedFunction: vbscript(1015, "Expected 'Function'"),
  expectedSub: vbscript(1016, "Expected 'Sub'"),
  expectedThen: vbscript(1017, "Expected 'Then'"),
  expectedWend: vbscript(1018, "Expected 'Wend'"),
  expectedLoop: vbscript(1019, "Expected 'Loop'"),
  expectedNext: vbscript(1020, "Expected 'Next'"),
  expectedCase: vbscript(1021, "Expected 'Case'"),
  expectedSelect: vbscript(1022, "Expected 'Select'"),
  expectedExpression: vbscript(1023, "Expected expression"),
  expectedStatement: vbscript(1024, "Expected statement"),
  expectedEndOfStatement: vbscript(1025, "Expected end of statement"),
  expectedIntegerConstant: vbscript(1026, "Expected integer constant"),
  expectedWhileUntilOrEnd: vbscript(1028, "Expected 'While', 'Until' or end of statement"),
  expectedWith: vbscript(1029, "Expected 'With'"),
  identifierTooLong: vbscript(1030, "Identifier too long"),
  invalidNumber: vbscript(1031, "Invalid number"),
  invalidCharacter: vbscript(1032, "Invalid character"),
  unterminatedString: vbscript(1033, "Unterminated string constant"),
  loopWithoutDo: vbscript(1038, "'loop' without 'do'"),
  invalidExit: vbscript(1039, "Invalid 'exit' statement"),
  invalidForVariable: vbscript(1040, "Invalid 'for' loop control variable"),
  parenthesesInSubCall: vbscript(1044, "Cannot use parentheses when calling a Sub"),
  expectedLiteralConstant: vbscript(1045, "Expected literal constant"),
  expectedIn: vbscript(1046, "Expected 'In'"),
  expectedClass: vbscript(1047, "Expected 'Class'"),
  mustBeInsideClass: vbscript(1048, "Must be defined inside a Class"),
  expectedLetSetGet: vbscript(1049, "Expected Let or Set or Get in property declaration"),
  expectedProperty: vbscript(1050, "Expected 'Property'"),
  multipleDefaults: vbscript(1052, "Cannot have multiple default property/method in a Class"),
  initializeTakesNoArguments: vbscript(1053, "Class initialize or terminate do not have arguments"),
  letSetNeedsArgument: vbscript(1054, "Property Set or Let must have at least one argument"),
  defaultNeedsPublic: vbscript(1057, "'Default' specification must also specify 'Public'"),
  defaultOnlyOnGet: vbscript(1058, "'Default' specification can only be on Property Get"),
  unexpectedNext: vbscript(1055, "Unexpected 'Next'"),
  tooDeep: { message: "The script nests blocks or parentheses too deeply to be read here.", code: null },
} as const satisfies Record<string, ErrorMessage>;
