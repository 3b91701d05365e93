/**
 * Grid events at a glance: open events by major category (the 11), and the closed loop as a
 * funnel (discover → closed) with how many at each stage are overdue, and how many were handed
 * across the border and accepted there.
 */
import { GRID_EVENT_STAGES, type GridEvent, type GridEventStage, isGridEventOverdue } from '../../domain/entities/gridEvent';
import { GRID_EVENT_CATEGORIES } from '../../domain/entities/gridEventCategories';

interface CategoryCount {
  id: string;
  label: string;
  open: number;
}

interface StageCount {
  stage: GridEventStage;
  count: number;
  overdue: number;
}

export interface GridEventSummary {
  categories: CategoryCount[];
  stages: StageCount[];
  open: number;
  overdue: number;
  /** 跨省交办: handoffs across the border of the events held, and how many the other side accepted. */
  handoffs: { total: number; accepted: number };
}

export function describeGridEventSummary(events: Iterable<GridEvent>, now: Date, language: 'zh' | 'en'): GridEventSummary {
  const byCategory = new Map<string, number>();
  const byStage = new Map<GridEventStage, StageCount>(GRID_EVENT_STAGES.map((stage) => [stage, { stage, count: 0, overdue: 0 }]));
  let open = 0;
  let overdue = 0;
  const handoffs = { total: 0, accepted: 0 };
  for (const event of events) {
    for (const handoff of event.handoffs) {
      handoffs.total += 1;
      if (handoff.acceptedAt !== undefined) handoffs.accepted += 1;
    }
    const stage = byStage.get(event.stage)!;
    stage.count += 1;
    if (event.stage === 'closed') continue;
    open += 1;
    byCategory.set(event.category, (byCategory.get(event.category) ?? 0) + 1);
    if (isGridEventOverdue(event, now)) {
      stage.overdue += 1;
      overdue += 1;
    }
  }
  return {
    categories: GRID_EVENT_CATEGORIES.map((category) => ({ id: category.id, label: category[language], open: byCategory.get(category.id) ?? 0 })),
    stages: [...byStage.values()],
    open,
    overdue,
    handoffs,
  };
}
