// Compiles a Vega-Lite spec and renders it headless, failing on any warning or error of either
// library: a chart that renders with a warning is a chart that looks wrong somewhere.
import * as vega from 'vega';
import * as vl from 'vega-lite';

function strictLogger(problems) {
  let level = vega.Warn;
  const logger = {
    level(l) { if (l === undefined) return level; level = l; return logger; },
    error(...args) { problems.push('error: ' + args.join(' ')); return logger; },
    warn(...args) { problems.push('warning: ' + args.join(' ')); return logger; },
    info() { return logger; },
    debug() { return logger; },
  };
  return logger;
}

/** Renders a Vega-Lite spec; returns { svg, view, problems }. */
export async function render(spec) {
  const problems = [];
  const logger = strictLogger(problems);
  const compiled = vl.compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  const svg = await view.toSVG();
  return { svg, view, problems };
}

/** The labels of each axis drawn, outermost axes first: [{ orient, labels }]. */
export function axisLabels(view) {
  const axes = [];
  const walk = (node) => {
    if (!node) return;
    if (node.marktype === 'group' && node.role === 'axis') {
      for (const item of node.items ?? []) {
        const labels = [];
        collect(item, labels);
        axes.push({ orient: item.orient, labels });
      }
      return;
    }
    for (const item of node.items ?? []) walk(item);
  };
  const collect = (node, labels) => {
    if (!node) return;
    if (node.role === 'axis-label') {
      for (const item of node.items ?? []) labels.push(item.text);
      return;
    }
    for (const item of node.items ?? []) collect(item, labels);
  };
  walk(view.scenegraph().root);
  return axes;
}
