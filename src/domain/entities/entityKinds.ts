/**
 * The entity kinds the dashboard knows, each with its schema. Backends send records tagged with
 * one of these kinds; every record is validated against its kind's schema before it is stored.
 */
import type { z } from '../z';
import { type Alert, alertRules, alertSchema } from './alert';
import { type AssistRequest, assistRequestRules, assistRequestSchema } from './assistRequest';
import { type ControlOrder, controlOrderRules, controlOrderSchema } from './controlOrder';
import type { EntityRule } from './entityRules';
import { type Grid, gridSchema } from './grid';
import { type GridEvent, gridEventRules, gridEventSchema } from './gridEvent';
import { type KpiSeries, kpiSeriesSchema, withYearOnYear } from './kpiSeries';
import { type PatrolTrack, patrolTrackSchema } from './patrolTrack';
import { type Station, stationSchema } from './station';

export const ENTITY_KINDS = ['station', 'alert', 'gridEvent', 'assistRequest', 'patrolTrack', 'kpiSeries', 'grid', 'controlOrder'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface EntityByKind {
  station: Station;
  alert: Alert;
  gridEvent: GridEvent;
  assistRequest: AssistRequest;
  patrolTrack: PatrolTrack;
  kpiSeries: KpiSeries;
  grid: Grid;
  controlOrder: ControlOrder;
}

export type AnyEntity = EntityByKind[EntityKind];

export const ENTITY_SCHEMAS: { [K in EntityKind]: z.ZodType<EntityByKind[K], unknown> } = {
  station: stationSchema,
  alert: alertSchema,
  gridEvent: gridEventSchema,
  assistRequest: assistRequestSchema,
  patrolTrack: patrolTrackSchema,
  kpiSeries: kpiSeriesSchema,
  grid: gridSchema,
  controlOrder: controlOrderSchema,
};

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}

/** The cross-field rules of each kind (see entityRules.ts), for the compiled fast validator. */
export const ENTITY_RULES: { [K in EntityKind]: readonly EntityRule<never>[] } = {
  station: [],
  alert: alertRules,
  gridEvent: gridEventRules,
  assistRequest: assistRequestRules,
  patrolTrack: [],
  kpiSeries: [],
  grid: [],
  controlOrder: controlOrderRules,
};

/** What zod's transforms add after validation, for records accepted by the fast validator. */
export const ENTITY_FINALIZERS: { [K in EntityKind]?: (record: never) => EntityByKind[K] } = {
  kpiSeries: withYearOnYear as (record: never) => KpiSeries,
};
