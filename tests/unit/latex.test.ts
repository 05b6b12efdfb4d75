/**
 * Text-mode LaTeX as readers should see it. Every input is copied from a real
 * abstract or title: the arXiv id (Hugging Face daily papers in
 * ../shared/data/hf-daily-papers/), issue 13 or the seed digest says which.
 * Abstracts go through the importer's conversion and the site's renderer, as
 * on a paper page; the HTML is read with cheerio.
 */
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { texTextToMarkdown, plainTextToMarkdown } from '#/lib/import/abstract-markdown.ts';
import { renderAbstract, renderTitle } from '#/lib/markdown.ts';
import { holdsTex, scriptText } from '#/lib/latex.ts';

/** An abstract from Hugging Face's JSON (or arXiv's Atom), rendered as its paper page shows it. */
const fromHf = (text: string) => renderAbstract(texTextToMarkdown(text).markdown);
/** The HTML, parsed, and its visible text (MathML's TeX annotation is not shown). */
function page(html: string) {
  const $ = cheerio.load(html, null, false);
  const visible = $.root().clone();
  visible.find('annotation').remove();
  return { $, text: visible.text() };
}

describe('text-mode LaTeX in abstracts', () => {
  it('\\textbf, \\textit, \\emph, \\texttt and \\textsc are strong, em, code and small caps', () => {
    const cases: Array<[string, string, string]> = [
      // 2410.06373
      ['unvealing an inter-dependent phenomenon termed \\textbf{backbone-optimizer coupling bias} (BOCB).', 'strong', 'backbone-optimizer coupling bias'],
      // issue 13
      ['\\textbf{When do skills help}', 'strong', 'When do skills help'],
      // 2408.10906
      ['To this end, we introduce \\textit{Gaussian-MAE}, which highlights', 'em', 'Gaussian-MAE'],
      // 2505.20755
      ['a theory-driven framework which we name the \\emph{Uni-Instruct}.', 'em', 'Uni-Instruct'],
      ['we release \\texttt{lm_eval} as a package.', 'code', 'lm_eval'],
      // 2405.14906
      ['a method we term \\textsc{AIEV-Instruct} (Instruction Tuning with', 'span.small-caps', 'AIEV-Instruct'],
    ];
    for (const [source, selector, shown] of cases) {
      const { $, text } = page(fromHf(source).html);
      expect($(selector).text(), source).toBe(shown);
      expect(text, source).not.toContain('\\');
    }
  });

  it('a font switch in a group applies to the group: {\\it vs.} (2406.15704)', () => {
    const { $, text } = page(fromHf('text-to-image alignment {\\it vs.} high-resolution rendering').html);
    expect($('em').text()).toBe('vs.');
    expect(text).toBe('text-to-image alignment vs. high-resolution rendering');
  });

  it('\\% \\& \\# \\_ \\$ are the characters', () => {
    // 2408.06327, 2407.01489, 2406.17636; the seed digest's 40-60\% comes as plain text
    expect(page(fromHf('Code, train \\& test data').html).text).toBe('Code, train & test data');
    expect(page(fromHf('lowest cost (\\$0.34) compared with').html).text).toBe('lowest cost ($0.34) compared with');
    expect(page(fromHf('huggingface.co/alexgambashidze/SDXL\\_NCP-DPO\\_v0.1').html).text).toBe('huggingface.co/alexgambashidze/SDXL_NCP-DPO_v0.1');
    expect(page(fromHf('ranked \\#1 on the leaderboard').html).text).toBe('ranked #1 on the leaderboard');
  });

  it('the seed digest\'s "40-60\\%" (plain text digest) shows 40-60%, and a bare % does not hide the rest', () => {
    const seed = 'Experimental findings demonstrate that PiToMe saved from 40-60\\% FLOPs of the base models while exhibiting superior off-the-shelf performance';
    expect(page(renderAbstract(plainTextToMarkdown(seed).markdown).html).text).toBe(seed.replace('\\%', '%'));
    expect(page(fromHf('50% of \\textbf{all} runs, and more').html).text).toBe('50% of all runs, and more');
  });

  it('\\eg \\ie \\etal are "e.g." "i.e." "et al."', () => {
    // 2409.13346, 2405.20222
    expect(page(fromHf('changes to the reference image, \\eg, changing facial expression').html).text).toBe(
      'changes to the reference image, e.g., changing facial expression',
    );
    expect(page(fromHf('motion field adapters (\\ie, MOFA-Adapters) to control').html).text).toBe('motion field adapters (i.e., MOFA-Adapters) to control');
    expect(page(fromHf('as shown by Smith \\etal in').html).text).toBe('as shown by Smith et al. in');
  });

  it('^{…} and _{…} outside $…$ are superscript and subscript: DR^{3}-Eval, π_{0.5}, G_{stack}', () => {
    // issue 13; 2511.16175; 2405.15319; 2408.13233
    const dr = page(fromHf('DR^{3}-Eval').html);
    expect(dr.$('sup').text()).toBe('3');
    expect(dr.text).toBe('DR3-Eval');
    expect(page(fromHf('Mantis outperforms π_{0.5}, a leading open-source VLA model').html).$('sub').text()).toBe('0.5');
    expect(page(fromHf('a depthwise stacking operator, called G_{stack}, exhibits').html).$('sub').text()).toBe('stack');
    expect(page(fromHf('in almost linear time n^{1+o(1)}, where n is').html).$('sup').text()).toBe('1+o(1)');
  });

  it('\\url and \\href are links, http(s) only', () => {
    // 2406.15704: the importer has already linked the URL inside \url{...}
    const url = page(fromHf('checkpoints are available at \\url{https://github.com/bytedance/SALMONN/}.').html);
    expect(url.$('a').attr('href')).toBe('https://github.com/bytedance/SALMONN/');
    expect(url.text).toBe('checkpoints are available at https://github.com/bytedance/SALMONN/.');
    const href = page(fromHf('Datasets are on \\href{https://huggingface.co/datasets/a-m-team}{the Hub}.').html);
    expect(href.$('a').attr('href')).toBe('https://huggingface.co/datasets/a-m-team');
    expect(href.text).toBe('Datasets are on the Hub.');
    const unsafe = page(fromHf('see \\href{javascript:alert(1)}{here}').html);
    expect(unsafe.$('a')).toHaveLength(0);
    expect(unsafe.text).toBe('see here');
  });

  it('Hugging Face\'s stripped backslashes (2405.15319): "textit{O}bstacles" and "URL{URL}"', () => {
    const { $, text } = page(fromHf('identifies three critical textit{O}bstacles: (O1) lack of evaluation. Available at\nhttps://llm-stacking.github.io/{https://llm-stacking.github.io/}.').html);
    expect($('em').text()).toBe('O');
    expect($('a').attr('href')).toBe('https://llm-stacking.github.io/');
    expect(text).toBe('identifies three critical Obstacles: (O1) lack of evaluation. Available at https://llm-stacking.github.io/.');
  });

  it('\\footnote{…} is shown in parentheses (2508.07050)', () => {
    const { $, text } = page(fromHf('performance 40.6 on the BRIGHT leaderboard\\footnote{https://brightbenchmark.github.io/.} Our codes are').html);
    expect(text).toBe('performance 40.6 on the BRIGHT leaderboard (https://brightbenchmark.github.io/.) Our codes are');
    expect($('a').attr('href')).toMatch(/^https:\/\/brightbenchmark\.github\.io\//);
  });

  it('-- and --- are en and em dashes (2405.18407)', () => {
    expect(page(fromHf('outperforms LCM across 1--16 step generation settings').html).text).toBe('outperforms LCM across 1–16 step generation settings');
    expect(page(fromHf('a simple idea---and it works').html).text).toBe('a simple idea—and it works');
  });

  it('a ~ between words is a space; a ~ before a number means "about" and stays', () => {
    // 2406.11927, 2405.17430
    expect(page(fromHf('source code can be found at~https://github.com/FSoft-AI4Code/RepoExec.').html).text).toBe(
      'source code can be found at https://github.com/FSoft-AI4Code/RepoExec.',
    );
    expect(page(fromHf('as shown in Fig.~3').html).text).toBe('as shown in Fig. 3');
    expect(page(fromHf('benchmarks only need around ~9 visual tokens').html).text).toBe('benchmarks only need around ~9 visual tokens');
  });

  it('a ~ between two numbers is a range: 1~4 (2410.12781), 12~20% (2505.24183), 7.33~8.26 (2412.17498)', () => {
    expect(page(fromHf('are limited to processing 1~4 input images').html).text).toBe('are limited to processing 1–4 input images');
    expect(page(fromHf('prior state-of-the-art by 12~20%, while matching').html).text).toBe('prior state-of-the-art by 12–20%, while matching');
    expect(page(fromHf('achieves 7.33~8.26 BLEU').html).text).toBe('achieves 7.33–8.26 BLEU');
    expect(page(fromHf('in seconds, 10~100times faster than').html).text).toBe('in seconds, 10–100× faster than'); // 2510.13678
  });

  it('TeX\'s quotation marks are curly quotes, across words too: ``tie\'\' (2406.04770), `heavy\' (2406.15319)', () => {
    expect(page(fromHf("converting outcomes of ``slightly better/worse'' to ``tie'' if the winner response").html).text).toBe(
      'converting outcomes of “slightly better/worse” to “tie” if the winner response',
    );
    expect(page(fromHf("Such an imbalanced `heavy' retriever and `light' reader design").html).text).toBe(
      'Such an imbalanced ‘heavy’ retriever and ‘light’ reader design',
    );
    // Closed with a straight quote (2407.17535); an apostrophe is no closing quote.
    expect(page(fromHf('We introduce ``LAMBDA," a novel open-source, code-free multi-agent data analysis system').html).text).toBe(
      'We introduce “LAMBDA,” a novel open-source, code-free multi-agent data analysis system',
    );
    // Closed with backticks again (2412.20735).
    expect(page(fromHf('to enable\neffective ``system 2 thinking`` of the prover.').html).text).toBe('to enable effective “system 2 thinking” of the prover.');
    expect(page(fromHf("the model's `world' and the agents' goals").html).text).toBe("the model's ‘world’ and the agents' goals");
    expect(renderTitle("DenseAV can discover the ``meaning'' of words").text).toBe('DenseAV can discover the “meaning” of words');
  });

  it('a \\times Hugging Face stripped with its dollars is a times sign: 2times, 3.8-4.0times, 256times256, ktimes k', () => {
    expect(page(fromHf('achieving near 2times speedup').html).text).toBe('achieving near 2× speedup'); // 2509.01055
    expect(page(fromHf('achieves 3.8-4.0times speedups').html).text).toBe('achieves 3.8-4.0× speedups'); // 2512.02892
    expect(page(fromHf('an FID of 1.98 on 256times256 ImageNet').html).text).toBe('an FID of 1.98 on 256×256 ImageNet'); // 2504.07963
    expect(page(fromHf('two main variants (289M and 8times289M)').html).text).toBe('two main variants (289M and 8×289M)'); // 2407.20267
    // The seed digest (Beyond Next-Token); words that end in "times" are words.
    expect(page(fromHf('a cell (a ktimes k grouping of neighboring patches)').html).text).toBe('a cell (a k×k grouping of neighboring patches)');
    expect(page(fromHf('sometimes well, at times 2 times faster').html).text).toBe('sometimes well, at times 2 times faster');
  });

  it('an author\'s own macro shows its name without the backslash: \\ours, \\method', () => {
    // 2411.08147, 2410.18745
    expect(page(fromHf('long-context reasoning and propose \\ours, an approach').html).text).toBe('long-context reasoning and propose ours, an approach');
    expect(page(fromHf('Llama 3.1 70B with \\method even achieves').html).text).toBe('Llama 3.1 70B with method even achieves');
    expect(page(fromHf('and \\ours{} improves').html).text).toBe('and ours improves');
  });

  it('accents: (\\"Ust\\"un et al., 2024) (2405.15032)', () => {
    expect(page(fromHf('the Aya model (\\"Ust\\"un et al., 2024), focusing').html).text).toBe('the Aya model (Üstün et al., 2024), focusing');
  });

  it('math between $…$ is MathML: O(n^{-1/(d+2)}) (issue 13)', () => {
    const { $, text } = page(fromHf('converges at rate $O(n^{-1/(d+2)})$ in').html);
    expect($('math msup')).toHaveLength(1);
    expect(text).not.toMatch(/\$|\\|\^\{/);
  });

  it('math KaTeX cannot parse is its source in <code>, not an error box (2411.19477)', () => {
    const { $ } = page(fromHf('we prove $P(final output is incorrect) le (1 - p_{gen})^N + lceil log_2 N rceil e^{-2 K (p_{comp} - 0.5)^2} \\frac{$ here').html);
    expect($('.katex-error')).toHaveLength(0);
    expect($('code.math-source').text()).toContain('lceil log_2 N rceil');
  });

  it('text without TeX is not parsed, and comes out as it went in', () => {
    expect(holdsTex('We study scaling laws of 7B models at 50% sparsity.')).toBe(false);
    expect(holdsTex('DR^{3}-Eval')).toBe(true);
    const plain = 'We study scaling laws (of 7B models) at 50% sparsity: R&D costs $5 to $10.';
    expect(page(fromHf(plain).html).text).toBe(plain);
  });

  it('the plain text has Unicode super/subscripts where they exist', () => {
    expect(fromHf('DR^{3}-Eval with π_{0.5}').text).toBe('DR³-Eval with π_(0.5)');
    expect(scriptText('sub', '2')).toBe('₂');
    expect(scriptText('sup', 'stack')).toBe('^(stack)');
  });
});

describe('renderTitle', () => {
  it('titles as typed on HF with $…$ (2407.17453 $VILA^2$, 2406.14347 $\\nabla^2$DFT): MathML in HTML, Unicode in text', () => {
    const vila = renderTitle('$VILA^2$: VILA Augmented VILA');
    expect(page(vila.html).$('math msup')).toHaveLength(1);
    expect(vila.text).toBe('VILA²: VILA Augmented VILA');
    expect(renderTitle('$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset').text).toBe('∇²DFT: A Universal Quantum Chemistry Dataset');
    expect(renderTitle('$\\textbf{Only-IF}$:Revealing the Decisive Effect').text).toBe('Only-IF:Revealing the Decisive Effect');
  });

  it('text-mode TeX in a title: DR^{3}-Eval (issue 13) as <sup>, and DR³-Eval in plain text', () => {
    const title = renderTitle('DR^{3}-Eval: a \\textsc{Deep} Research benchmark');
    expect(page(title.html).$('sup').text()).toBe('3');
    expect(page(title.html).$('span.small-caps').text()).toBe('Deep');
    expect(title.text).toBe('DR³-Eval: a Deep Research benchmark');
  });

  it('a title without TeX is only escaped', () => {
    expect(renderTitle('Prefill & Decode <fast>')).toEqual({ html: 'Prefill &#x26; Decode &#x3C;fast>', text: 'Prefill & Decode <fast>' });
  });
});
