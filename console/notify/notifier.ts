/**
 * New-conversation alerts: a system notification and a short beep. Permission is only requested
 * from the "Enable notifications" button (browsers penalise prompts on load, and the issue forbids
 * them); the AudioContext is created on that same click because autoplay rules need a gesture.
 */
export type NotifyPermission = 'default' | 'granted' | 'denied' | 'unsupported'

export interface NotifierEnv {
  Notification?: typeof Notification
  AudioContext?: typeof AudioContext
  /** True when the console tab is hidden: only then does a system notification add anything. */
  isHidden(): boolean
  /** Brings the console tab forward when its notification is clicked. */
  focus(): void
}

export interface Notifier {
  permission(): NotifyPermission
  /** Call from a click handler. */
  enable(): Promise<NotifyPermission>
  alert(title: string, body: string, onClick?: () => void): void
}

export function createNotifier(env: NotifierEnv): Notifier {
  let audio: AudioContext | null = null

  function permission(): NotifyPermission {
    return env.Notification ? env.Notification.permission : 'unsupported'
  }

  return {
    permission,
    async enable() {
      if (env.AudioContext && !audio) audio = new env.AudioContext()
      if (audio?.state === 'suspended') await audio.resume()
      if (!env.Notification) return 'unsupported'
      if (env.Notification.permission !== 'default') return env.Notification.permission
      return env.Notification.requestPermission()
    },
    alert(title, body, onClick) {
      if (audio) beep(audio)
      if (permission() !== 'granted' || !env.Notification || !env.isHidden()) return
      const notification = new env.Notification(title, { body, tag: 'openline-new-conversation' })
      notification.onclick = () => {
        notification.close()
        env.focus()
        onClick?.()
      }
    },
  }
}

/** A 180 ms two-tone chirp with a soft envelope, so it does not click. */
export function beep(audio: AudioContext): void {
  const start = audio.currentTime
  const gain = audio.createGain()
  gain.gain.setValueAtTime(0.0001, start)
  gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02)
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18)
  gain.connect(audio.destination)
  const osc = audio.createOscillator()
  osc.type = 'sine'
  osc.frequency.setValueAtTime(880, start)
  osc.frequency.setValueAtTime(1320, start + 0.08)
  osc.connect(gain)
  osc.start(start)
  osc.stop(start + 0.2)
}
