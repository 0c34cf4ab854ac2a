/**
 * The procedure's stages in order with the dossier's current one highlighted by colour,
 * symbol and word; completed and upcoming stages carry their state for screen readers too.
 */
import type { Stage } from '@core/domain/procedure.js'
import { useT } from '../i18n/language.js'

type StageState = 'done' | 'current' | 'upcoming'

const SYMBOL: Record<StageState, string> = { done: '✓', current: '▶', upcoming: '○' }

export function StageIndicator({
  stages,
  current,
  labelledBy,
}: {
  stages: Stage[]
  current: Stage
  labelledBy: string
}) {
  const tr = useT()
  const currentIndex = stages.indexOf(current)
  return (
    <ol className="stages" aria-labelledby={labelledBy}>
      {stages.map((stage, index) => {
        const state: StageState =
          index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming'
        return (
          <li
            key={stage}
            className="stages__item"
            data-state={state}
            data-stage={stage}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="stages__symbol" aria-hidden="true">
              {SYMBOL[state]}
            </span>
            <span>
              {tr(`stage.${stage}`)}
              <span className={state === 'current' ? 'stages__word' : 'visually-hidden'}>
                {state === 'current' ? tr('ui.stage.current') : ` — ${tr(`ui.stage.${state}`)}`}
              </span>
            </span>
          </li>
        )
      })}
    </ol>
  )
}
