/**
 * Numbers: decimal, hex (`0x`) and binary (`0b`) literals, fractions and exponents, type suffixes
 * (`5l`, `3uy`, `1.5d`, `7n`) and multipliers (`10KB`), with the values and range checks PowerShell
 * applies to them.
 */
import { endsNumber, forcesNewToken, isDash, isDigit, isHexDigit, isMultiplierStart, isTypeSuffix } from "./characters.js";
import { Mode, type Token } from "./token.js";
import { TokenKind } from "./token-kinds.js";
import { StringAndVariableScanner } from "./string-and-variable-scanner.js";

export abstract class NumberScanner extends StringAndVariableScanner {
  /**
   * A number whose first character (a digit, `.`, or a sign when signed numbers are allowed) was read.
   * What does not read as a number becomes a bareword, as in PowerShell (`1.2.3`, `7zip`).
   */
  protected scanNumber(first: number): Token {
    const parsed = this.readNumber(first);
    if (parsed === undefined) {
      this.pos = this.tokenStart;
      return this.scanGenericToken("");
    }
    let value = numberValue(parsed);
    if (value === undefined) {
      if (this.mode !== Mode.Expression) {
        this.pos = this.tokenStart;
        return this.scanGenericToken("");
      }
      this.error(this.tokenStart, this.pos, "BadNumericConstant", `${this.text.slice(this.tokenStart, this.pos)} is not a valid number.`);
      value = 0;
    }
    const token = this.newToken(TokenKind.Number);
    token.number = value;
    return token;
  }

  private readNumber(first: number): NumberParts | undefined {
    const parts: NumberParts = { digits: "", format: "decimal", suffix: "", real: false, multiplier: 1 };
    let notNumber = false;
    if (isDash(first) || first === 0x2b) {
      parts.digits = first === 0x2b ? "+" : "-";
      first = this.next();
    }
    if (first === 0x2e) {
      parts.digits += ".";
      notNumber = this.readFraction(parts) || notNumber;
      parts.real = true;
    } else {
      const after = this.peek();
      if (first === 0x30 && (after === 0x78 || after === 0x58)) {
        this.skip();
        parts.format = "hex";
        while (isHexDigit(this.peek())) parts.digits += String.fromCharCode(this.next());
      } else if (first === 0x30 && (after === 0x62 || after === 0x42)) {
        this.skip();
        parts.format = "binary";
        while (this.peek() === 0x30 || this.peek() === 0x31) parts.digits += String.fromCharCode(this.next());
        if (!parts.digits.includes("0") && !parts.digits.includes("1")) notNumber = true;
      } else {
        parts.digits += String.fromCharCode(first);
        this.readDigits(parts);
        const c = this.peek();
        if (c === 0x2e) {
          this.skip();
          if (this.peek() === 0x2e) this.unget();
          else {
            parts.digits += ".";
            parts.real = true;
            notNumber = this.readFraction(parts) || notNumber;
          }
        } else if (c === 0x65 || c === 0x45) {
          this.skip();
          parts.digits += "e";
          parts.real = true;
          notNumber = this.readExponent(parts) || notNumber;
        }
      }
    }
    let c = this.peek();
    if (isTypeSuffix(c)) {
      this.skip();
      parts.suffix = String.fromCharCode(c).toLowerCase();
      c = this.peek();
      if (isTypeSuffix(c)) {
        this.skip();
        const second = String.fromCharCode(c).toLowerCase();
        if (parts.suffix === "u" && (second === "l" || second === "s" || second === "y")) parts.suffix += second;
        else notNumber = true;
        c = this.peek();
      }
    }
    if (isMultiplierStart(c)) {
      this.skip();
      parts.multiplier = MULTIPLIERS[String.fromCharCode(c).toLowerCase()]!;
      const b = this.peek();
      if (b === 0x62 || b === 0x42) {
        this.skip();
        c = this.peek();
      } else {
        notNumber = true;
      }
    }
    if (!forcesNewToken(c) && (this.mode !== Mode.Expression || !endsNumber(c, this.forceEndNumberOnTernary))) notNumber = true;
    return notNumber ? undefined : parts;
  }

  private readDigits(parts: NumberParts): number {
    const start = this.pos;
    while (isDigit(this.peek())) this.skip();
    parts.digits += this.slice(start, this.pos);
    return this.pos - start;
  }

  /** Digits after the point and an exponent; true when what follows is not a number. */
  private readFraction(parts: NumberParts): boolean {
    this.readDigits(parts);
    const c = this.peek();
    if (c === 0x65 || c === 0x45) {
      this.skip();
      parts.digits += "e";
      return this.readExponent(parts);
    }
    return false;
  }

  private readExponent(parts: NumberParts): boolean {
    const c = this.peek();
    if (c === 0x2b || isDash(c)) {
      this.skip();
      parts.digits += c === 0x2b ? "+" : "-";
    }
    return this.readDigits(parts) === 0;
  }
}

interface NumberParts {
  digits: string;
  format: "decimal" | "hex" | "binary";
  suffix: string;
  real: boolean;
  multiplier: number;
}

const MULTIPLIERS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
const DECIMAL_MAX = 2n ** 96n - 1n;

/** The ranges of the integer types a suffix selects, as PowerShell checks them. */
const RANGES: Record<string, readonly [bigint, bigint]> = {
  y: [-128n, 127n],
  uy: [0n, 255n],
  s: [-32768n, 32767n],
  us: [0n, 65535n],
  l: [-(2n ** 63n), 2n ** 63n - 1n],
  ul: [0n, 2n ** 64n - 1n],
  d: [-DECIMAL_MAX, DECIMAL_MAX],
};

/**
 * A number's value as PowerShell computes it, or undefined when PowerShell rejects it (out of its
 * type's range). Hex and binary literals of a type's full width are two's complement (`0xFFFFFFFF`
 * is -1, `0xFFy` is -1), as PowerShell reads them.
 */
function numberValue(parts: NumberParts): number | bigint | undefined {
  const { digits, format, suffix, real, multiplier } = parts;
  if (real) {
    let value = Number(digits) * multiplier;
    if (suffix === "d") return Number.isFinite(value) && Math.abs(value) <= Number(DECIMAL_MAX) ? value : undefined;
    // .NET reads an exponent too large for a double as infinity.
    if (suffix === "") return value === 0 && digits.startsWith("-") ? -0 : value;
    if (!Number.isFinite(value)) return undefined;
    value = roundHalfToEven(value);
    return suffix === "n" ? BigInt(value) : integerOfSuffix(BigInt(value), suffix, false);
  }
  const negative = digits.startsWith("-");
  const body = negative || digits.startsWith("+") ? digits.slice(1) : digits;
  let big: bigint;
  let typeSuffix = suffix;
  if (format === "hex") {
    let hex = `0${body}`;
    if (!suffix.startsWith("u")) {
      const width = suffix === "y" ? 2 : suffix === "s" ? 4 : suffix === "l" ? 16 : hex.length < 16 ? 8 : 16;
      if (hex.length === width + 1) hex = hex.slice(1);
    }
    big = BigInt(`0x${hex}`);
    if (Number.parseInt(hex[0]!, 16) >= 8) big -= 16n ** BigInt(hex.length);
    if (hex.length === 16 && (suffix === "" || suffix === "u")) typeSuffix = `${suffix}l`;
  } else if (format === "binary") {
    big = BigInt(`0b${body}`);
    const signed = !suffix.startsWith("u") && body[0] === "1" && (body.length >= 128 || [8, 16, 32, 64, 96].includes(body.length));
    if (signed) big -= 2n ** BigInt(body.length);
    if (body.length === 64 && (suffix === "" || suffix === "u")) typeSuffix = `${suffix}l`;
  } else {
    big = BigInt(body);
  }
  big *= BigInt(multiplier) * (negative ? -1n : 1n);
  if (typeSuffix === "n") return big;
  return integerOfSuffix(big, typeSuffix, format === "decimal");
}

/** `big` as the type its suffix selects; without one int, long, then (for decimal literals) decimal or double. */
function integerOfSuffix(big: bigint, suffix: string, decimalLiteral: boolean): number | bigint | undefined {
  const fits = (range: readonly [bigint, bigint] | undefined): boolean => range !== undefined && big >= range[0] && big <= range[1];
  let ok: boolean;
  switch (suffix) {
    case "":
      ok = fits(RANGES["l"]) || (decimalLiteral && (fits(RANGES["d"]) || Number.isFinite(Number(big))));
      break;
    case "u":
      ok = fits(RANGES["ul"]);
      break;
    default:
      ok = fits(RANGES[suffix]);
  }
  if (!ok) return undefined;
  return Number.isSafeInteger(Number(big)) ? Number(big) : big;
}

/** .NET's `Math.Round`: halves go to the even neighbour. */
function roundHalfToEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}
