import { Badge } from '@mantine/core';
import type { Suggestion } from './suggestions-api';
import { suggestionStatusColors, suggestionStatusLabels } from './suggestion-format';

export function SuggestionStatusBadge({ status }: { status: Suggestion['status'] }) {
  return (
    <Badge color={suggestionStatusColors[status]} c={`${suggestionStatusColors[status]}.9`} variant="light" tt="none">
      {suggestionStatusLabels[status]}
    </Badge>
  );
}
