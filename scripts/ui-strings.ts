/**
 * Finds words written in code where the user would read them, so that every such string comes
 * from `public/_locales/<lang>/messages.json` (through `t()` in `utils/i18n.ts`). Read by
 * `scripts/ui-strings.test.ts` over the UI's source. With the TypeScript compiler's parser it
 * flags:
 * - JSX text with a letter in it, and string literals (or templates) shown as JSX children,
 *   branches of `?:`, `&&`, `||` and `??` included;
 * - string literals in the JSX attributes people read: `aria-label`, `title`, `placeholder`,
 *   `alt`, `label`;
 * - DOM text set by code: `x.textContent =`, `x.title =`, `x.ariaLabel =`, `x.placeholder =`,
 *   `setAttribute('aria-label' | 'title' | 'placeholder' | 'alt', ...)`, the text argument of
 *   the framework-free views' `el(tag, class, text)`, and `drawn(node, text)` / `button(text, ...)`
 *   of the profile badge (`entrypoints/linkedin-profile-badge/badge-ui.ts`);
 * - sentences in data: `err('...')` (a rule's words), `title:`, `message:`, `summary:`,
 *   `label:`, `description:`, `problem:` properties of object literals;
 * - prose anywhere else: a string of three words or more that starts with a capital letter,
 *   unless it is a developer's (`new Error(...)`, `console.*(...)`).
 * A string is flagged when its own text (a template's fixed parts) has a letter. It is a
 * heuristic, a net for the common ways words reach the screen, not a proof.
 */
import ts from 'typescript';

/**
 * Strings that have letters but are not words to translate, each with why. Symbols with no
 * letter ("·", "%", "—", "±0", "/ 100") are never flagged and need no entry.
 */
export const ALLOWED_STRINGS: ReadonlyMap<string, string> = new Map([
  // The HTTP method before a URL in the debug view (entrypoints/options/DebugPanel.tsx).
  ['GET', 'HTTP'],
  // The profile badge's shadow root: CSS, not words (entrypoints/linkedin-profile-badge/shadow-ui.ts).
  [':host{all:initial !important;}', 'CSS'],
]);

/** One string left in code. */
export interface UiString {
  file: string;
  line: number;
  text: string;
  why: string;
}

const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
const TEXT_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'ariaLabel', 'placeholder', 'alt']);
const DATA_PROPERTIES = new Set(['title', 'message', 'summary', 'label', 'description', 'problem']);
/** Calls whose argument at the index is text the user reads. */
const TEXT_ARGUMENTS: Record<string, number> = { el: 2, drawn: 1, button: 0, err: 0 };

const hasLetter = (text: string) => /\p{L}/u.test(text);

/** Prose: three words or more, the first capitalised ("Not among the accounts of this key."). */
const isProse = (text: string) =>
  /^\p{Lu}\p{Ll}/u.test(text.trim()) && (text.match(/\p{L}+/gu)?.length ?? 0) >= 3;

/** Whether `node` is inside words for developers: an Error's message or a console line. */
function forDevelopers(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isNewExpression(parent) && /Error$/.test(parent.expression.getText())) return true;
    if (ts.isCallExpression(parent) && /^console\./.test(parent.expression.getText())) return true;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return true;
  }
  return false;
}

/** The fixed text of a string literal or template (its parts outside `${}`), or null. */
function ownText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => span.literal.text).join('');
  return null;
}

/** The expressions a JSX child or attribute shows: `node` itself, or the branches it picks from. */
function shownExpressions(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node)) return shownExpressions(node.expression);
  if (ts.isConditionalExpression(node))
    return [...shownExpressions(node.whenTrue), ...shownExpressions(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    [
      ts.SyntaxKind.AmpersandAmpersandToken,
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.QuestionQuestionToken,
    ].includes(node.operatorToken.kind)
  )
    return [...shownExpressions(node.left), ...shownExpressions(node.right)];
  return [node];
}

/** The words left in the source `text` of `file` (a .ts or .tsx file). */
export function findUiStrings(file: string, text: string): UiString[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: UiString[] = [];
  const seen = new Set<ts.Node>();
  const flag = (node: ts.Node, why: string, text = ownText(node)) => {
    if (text === null || !hasLetter(text) || ALLOWED_STRINGS.has(text.trim()) || seen.has(node)) return;
    seen.add(node);
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ file, line, text: text.trim(), why });
  };
  const flagShown = (node: ts.Expression | undefined, why: string) => {
    if (node) for (const shown of shownExpressions(node)) flag(shown, why);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) flag(node, 'JSX text', node.text);
    else if (ts.isJsxExpression(node) && !ts.isJsxAttribute(node.parent))
      flagShown(node.expression, 'JSX child');
    else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const value = node.initializer;
      if (ts.isStringLiteral(value)) flag(value, `JSX ${node.name.getText(source)}`);
      else if (ts.isJsxExpression(value)) flagShown(value.expression, `JSX ${node.name.getText(source)}`);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      TEXT_PROPERTIES.has(node.left.name.text)
    )
      flagShown(node.right, `${node.left.name.text} =`);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      const index = TEXT_ARGUMENTS[name];
      if (index !== undefined) flagShown(node.arguments[index], `${name}() text`);
      const [attribute, value] = node.arguments;
      if (
        name === 'setAttribute' &&
        attribute &&
        ts.isStringLiteral(attribute) &&
        READ_ATTRIBUTES.has(attribute.text)
      )
        flagShown(value, `setAttribute('${attribute.text}')`);
    } else if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      DATA_PROPERTIES.has(node.name.text)
    )
      flagShown(node.initializer, `${node.name.text}:`);
    else if (ownText(node) !== null && isProse(ownText(node)!) && !forDevelopers(node)) flag(node, 'prose');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
