'use client';

import { type Announcements, closestCenter, DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';

export type OrderItem = { id: string; label: string; coverUrl: string | null; available: boolean };

type Props = { items: OrderItem[]; onChange: (ids: string[]) => void; onRemove: (id: string) => void; disabled: boolean };

/**
 * The showcase order: drag a row by its handle (mouse, touch or pen), or focus the handle and use
 * Space, the arrow keys and Space again (dnd-kit's keyboard sensor); the arrow buttons do the same
 * one step at a time. Every control is at least 44 px square.
 */
export function ShowcaseOrder({ items, onChange, onRemove, disabled }: Props) {
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a tap on the handle is not a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map((i) => i.id);
  // What a screen reader hears while a row moves: titles and places, not internal ids.
  const name = (id: string | number) => items.find((i) => i.id === String(id))?.label ?? 'video';
  const place = (id: string | number) => `${ids.indexOf(String(id)) + 1} of ${ids.length}`;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}, at ${place(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${name(active.id)} is over place ${place(over.id)}.` : `${name(active.id)} is no longer over a place.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${name(active.id)} at place ${place(over.id)}.` : `Dropped ${name(active.id)}.`),
    onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled; it is back at ${place(active.id)}.`,
  };
  const instructions = 'To move a video, press Space on its handle, use the arrow keys, and press Space again to drop it, or Escape to cancel.';
  const moveTo = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    onChange(arrayMove(ids, from, to));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) moveTo(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: instructions } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className="order" aria-label="Showcase order">
          {items.map((item, index) => (
            <Row
              key={item.id}
              item={item}
              index={index}
              last={index === items.length - 1}
              disabled={disabled}
              onUp={() => moveTo(index, index - 1)}
              onDown={() => moveTo(index, index + 1)}
              onRemove={() => onRemove(item.id)}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

type RowProps = { item: OrderItem; index: number; last: boolean; disabled: boolean; onUp: () => void; onDown: () => void; onRemove: () => void };

function Row({ item, index, last, disabled, onUp, onDown, onRemove }: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled });
  const style = { transform: CSS.Transform.toString(transform), transition };
  return (
    <li ref={setNodeRef} style={style} className={isDragging ? 'dragging' : undefined}>
      <button type="button" ref={setActivatorNodeRef} className="order-grip" aria-label={`Drag to reorder ${item.label}`} {...attributes} {...listeners}>
        <span aria-hidden="true">⋮⋮</span>
      </button>
      {/* biome-ignore lint/performance/noImgElement: the creator's own signed TikTok covers; they expire, so no optimizing cache */}
      <img className="order-thumb" src={item.coverUrl ?? '/cover-placeholder.svg'} alt="" width={36} height={64} loading="lazy" decoding="async" />
      <span className="order-name">
        <span className="order-title">
          {index + 1}. {item.label}
        </span>
        {!item.available && <span className="badge">No longer on TikTok</span>}
      </span>
      <span className="controls">
        <button type="button" onClick={onUp} disabled={disabled || index === 0} aria-label={`Move ${item.label} up`}>
          ↑
        </button>
        <button type="button" onClick={onDown} disabled={disabled || last} aria-label={`Move ${item.label} down`}>
          ↓
        </button>
        <button type="button" onClick={onRemove} disabled={disabled} aria-label={`Remove ${item.label}`}>
          ✕
        </button>
      </span>
    </li>
  );
}
