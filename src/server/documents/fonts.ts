import fs from 'node:fs';
import path from 'node:path';

/** The Debian package that ships the fonts (CI installs it; so must every server). */
export const cjkFontPackage = 'fonts-noto-cjk';
/** Where Debian puts them. */
export const defaultFontDir = '/usr/share/fonts/opentype/noto';

/** A face inside a TrueType/OpenType collection (.ttc), chosen by its PostScript name. */
export interface FontFace {
  path: string;
  postscriptName: string;
}

export interface CjkFonts {
  /** 宋体-like body text. */
  serif: FontFace;
  /** 小标宋-like titles. */
  serifBold: FontFace;
  /** 黑体-like headings. */
  sans: FontFace;
}

const faces = {
  serif: { file: 'NotoSerifCJK-Regular.ttc', postscriptName: 'NotoSerifCJKsc-Regular' },
  serifBold: { file: 'NotoSerifCJK-Bold.ttc', postscriptName: 'NotoSerifCJKsc-Bold' },
  sans: { file: 'NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
} as const;

/**
 * The Simplified Chinese faces of Noto CJK in `dir`. Throws a plain Error (a server fault: 500,
 * logged) naming the Debian package when a file is missing.
 */
export function cjkFonts(dir: string = defaultFontDir): CjkFonts {
  const resolve = (face: { file: string; postscriptName: string }): FontFace => {
    const file = path.join(dir, face.file);
    if (!fs.existsSync(file))
      throw new Error(
        `缺少中文字体文件 ${file}，无法生成 PDF。请在服务器上安装 Debian 软件包 ${cjkFontPackage}` +
          `（apt-get install ${cjkFontPackage}）。Missing CJK font ${file}: install the Debian package ${cjkFontPackage}.`,
      );
    return { path: file, postscriptName: face.postscriptName };
  };
  return { serif: resolve(faces.serif), serifBold: resolve(faces.serifBold), sans: resolve(faces.sans) };
}
