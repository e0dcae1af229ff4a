import { Button } from '@mantine/core';
import { IconFileTypePdf, IconHistory, IconPrinter } from '@tabler/icons-react';
import { Link } from 'react-router';
import { API_BASE } from '../../app/web/api';
import type { PaperSize } from '../../platform/pdf/page-geometry';

// Letter is the paper of North America and a few countries near it; A4 everywhere else.
const letterRegions = new Set(['US', 'CA', 'MX', 'PR', 'CL', 'CO', 'VE', 'PH']);

/** The paper of the reader's region, from the browser's language ("en" alone counts as en-US). */
function readersPaper(): PaperSize {
  try {
    const region = new Intl.Locale(navigator.language).maximize().region;
    return region && letterRegions.has(region) ? 'letter' : 'a4';
  } catch {
    return 'a4';
  }
}

/** CH-1: the version in force, or one version by number, as a PDF on the reader's paper. */
export function charterPdfUrl(version?: number): string {
  const path = version === undefined ? '/charter.pdf' : `/charter/versions/${version}.pdf`;
  const paper = readersPaper();
  return `${API_BASE}${path}${paper === 'a4' ? '' : `?paper=${paper}`}`;
}

/** Print, PDF and version history: for the screen only, never on the printed charter. */
export function CharterActions({ showHistory = true, version }: { showHistory?: boolean; /** Left out for the version in force. */ version?: number }) {
  return (
    <>
      {showHistory && (
        <Button component={Link} to="/charter/versions" variant="default" leftSection={<IconHistory size={16} aria-hidden />} className="stride-no-print">
          Version history
        </Button>
      )}
      <Button component="a" href={charterPdfUrl(version)} target="_blank" rel="noopener" variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden />} className="stride-no-print">
        Download PDF
      </Button>
      <Button onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />} className="stride-no-print">
        Print
      </Button>
    </>
  );
}
